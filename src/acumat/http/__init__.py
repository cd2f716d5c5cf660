"""The HTTP layer shared by the pages and the JSON API: the app factory, request
dependencies (database, acting person), the error mapping and the request guards.

``web.pages`` and ``api.v1`` both build on this package and never on each other."""
