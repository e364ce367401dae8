# ruleid: shell-curl-pipe-shell
curl -fsSL https://get.example.com/install.sh | sudo bash
# ok: shell-curl-pipe-shell
curl -fsSLo install.sh https://get.example.com/install.sh && sha256sum -c install.sh.sha256
