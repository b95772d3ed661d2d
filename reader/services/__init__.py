"""Services the interface and the command line share: no Textual here. Requests in, results out."""
