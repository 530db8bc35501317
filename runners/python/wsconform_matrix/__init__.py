"""wsconform-matrix: runs wsconform against a matrix of third-party WebSocket
peers (and, where installed, Autobahn's wstest) and merges one report."""
