# ruleid: shell-world-writable
chmod -R 777 /var/www/uploads
# ok: shell-world-writable
chmod 755 /usr/local/bin/app
