# ruleid: python-subprocess-shell
subprocess.run("ls " + path, shell=True)
# ruleid: python-subprocess-shell
subprocess.check_output(f"git log {ref}", shell=True)
# ok: python-subprocess-shell
subprocess.run(["ls", path])
# ok: python-subprocess-shell
subprocess.run("make clean", shell=True)
