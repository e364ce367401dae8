# ruleid: python-subprocess-shell
subprocess.run("ls " + path, shell=True)
# ok: python-subprocess-shell
subprocess.run(["ls", path])
