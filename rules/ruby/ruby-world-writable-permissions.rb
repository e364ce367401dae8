# ruleid: ruby-world-writable-permissions
File.chmod(0777, upload_dir)
# ruleid: ruby-world-writable-permissions
FileUtils.chmod("o+w", path)
# ruleid: ruby-world-writable-permissions
FileUtils.mkdir_p(cache_dir, mode: 0o777)
# ruleid: ruby-world-writable-permissions
File.open(log_path, "w", 0666) { |f| f.puts(line) }
# ok: ruby-world-writable-permissions
File.chmod(0755, script)
# ok: ruby-world-writable-permissions
File.chmod(0600, key_path)
# ok: ruby-world-writable-permissions
FileUtils.mkdir_p(cache_dir, mode: 0o750)
# ok: ruby-world-writable-permissions
FileUtils.chmod("u+x", path)
