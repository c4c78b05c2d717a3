"""What serving the site needs: the Content-Security-Policy, the pages' scripts bundled (and their
chunks announced), the content-hashed names of our assets."""
