"""Infrastructure below everything else: settings, the model client, SQLite stores, logging, audit, users."""
