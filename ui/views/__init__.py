"""The UI's pages: chat, reports, data and status."""
