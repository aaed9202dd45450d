"""Render: presentation only. Renderers take model objects and compute nothing."""
