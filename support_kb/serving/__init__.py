"""What serving the site needs: the Content-Security-Policy, the module graph for preloads, the
content-hashed names of our assets."""
