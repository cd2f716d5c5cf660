"""Insights: pure functions that turn diary rows into trends, summaries and charts."""
