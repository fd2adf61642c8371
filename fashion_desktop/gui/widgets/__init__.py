"""Small widgets that more than one view uses (one module each)."""
