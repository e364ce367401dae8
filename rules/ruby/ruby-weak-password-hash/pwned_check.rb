# Checks a password against the haveibeenpwned range API (k-anonymity needs SHA-1).
def pwned?(password)
  # ok: ruby-weak-password-hash
  sha1 = Digest::SHA1.hexdigest(password).upcase
  Net::HTTP.get(URI("https://api.pwnedpasswords.com/range/#{sha1[0, 5]}")).include?(sha1[5..])
end
