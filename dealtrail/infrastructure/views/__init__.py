"""Read-model views: each keeps rows for one aggregate type and answers its list queries."""
