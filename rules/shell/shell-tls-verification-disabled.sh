# ruleid: shell-tls-verification-disabled
curl -sk https://internal.example.com/api/health
# ruleid: shell-tls-verification-disabled
git config --global http.sslVerify false
# ok: shell-tls-verification-disabled
curl -s --cacert /etc/ssl/internal-ca.pem https://internal.example.com/api/health
# ok: shell-tls-verification-disabled
curl -fsSL -o kubectl https://dl.k8s.io/release/v1.31.0/bin/linux/amd64/kubectl
# ruleid: shell-tls-verification-disabled
git -c http.sslVerify=false clone https://git.internal.example.com/app.git
# ok: shell-tls-verification-disabled
git -c http.sslVerify=true clone https://git.internal.example.com/app.git
