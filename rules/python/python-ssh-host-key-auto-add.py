import paramiko

client = paramiko.SSHClient()
# ruleid: python-ssh-host-key-auto-add
client.set_missing_host_key_policy(paramiko.AutoAddPolicy())
# ruleid: python-ssh-host-key-auto-add
client.set_missing_host_key_policy(paramiko.WarningPolicy)
# ok: python-ssh-host-key-auto-add
client.set_missing_host_key_policy(paramiko.RejectPolicy())
client.load_system_host_keys()
