# ruleid: shell-curl-pipe-shell
curl -fsSL https://get.example.com/install.sh | sudo bash
# ok: shell-curl-pipe-shell
curl -fsSLo install.sh https://get.example.com/install.sh && sha256sum -c install.sh.sha256
# ruleid: shell-curl-pipe-shell
bash <(curl -fsSL https://get.example.com/install.sh)
# ruleid: shell-curl-pipe-shell
sh -c "$(curl -fsSL https://get.example.com/install.sh)"
# ok: shell-curl-pipe-shell
diff <(curl -fsSL https://example.com/a.txt) expected.txt
