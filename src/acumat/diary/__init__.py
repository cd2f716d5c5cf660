"""The diary: check-ins, spasm episodes, mat sessions and care activities."""
