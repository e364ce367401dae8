# ruleid: python-os-system
os.system("rm -rf " + tmpdir)
# ruleid: python-os-system
os.popen(f"ping -c 1 {host}").read()
# ok: python-os-system
os.system("clear")
