"""Graph and tree algorithm tasks."""
