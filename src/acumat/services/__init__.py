"""The one layer every interface calls: a function per use case, owning its transaction."""
