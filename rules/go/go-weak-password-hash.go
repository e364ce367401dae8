// ruleid: go-weak-password-hash
sum := md5.Sum([]byte(password))
// ruleid: go-weak-password-hash
digest := sha256.Sum256([]byte(user.Password + salt))
// ruleid: go-weak-password-hash
h := sha1.Sum([]byte(r.FormValue("password")))
// ok: go-weak-password-hash
hash, err := bcrypt.GenerateFromPassword([]byte(password), bcrypt.DefaultCost)
// ok: go-weak-password-hash
sum := sha256.Sum256(payload)
// ok: go-weak-password-hash
key := sha256.Sum256([]byte(passwordResetToken))
