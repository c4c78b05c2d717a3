"""The support chat's calendar in Astana time."""
