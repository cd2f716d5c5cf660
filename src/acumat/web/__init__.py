"""The browser interface (server-rendered pages) and the app factory shared with the API."""
