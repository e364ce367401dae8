require "net/ssh"
# ruleid: ruby-ssh-host-key-unverified
Net::SSH.start(host, user, keys: [key_path], verify_host_key: :never) do |ssh|
  ssh.exec!("uptime")
end
# ruleid: ruby-ssh-host-key-unverified
Net::SSH.start(host, user, paranoid: false)
# ok: ruby-ssh-host-key-unverified
Net::SSH.start(host, user, keys: [key_path], verify_host_key: :always)
# ok: ruby-ssh-host-key-unverified
Net::SSH.start(host, user, verify_host_key: :accept_new)
