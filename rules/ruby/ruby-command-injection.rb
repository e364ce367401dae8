# ruleid: ruby-command-injection
output = `convert #{params[:file]} out.png`
# ruleid: ruby-command-injection
system("git clone #{repo_url} /tmp/repo")
# ok: ruby-command-injection
system("git", "clone", repo_url, "/tmp/repo")
# ok: ruby-command-injection
output = `uptime`
