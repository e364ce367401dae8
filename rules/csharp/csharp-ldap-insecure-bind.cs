// ruleid: csharp-ldap-insecure-bind
var entry = new DirectoryEntry("LDAP://dc.corp.example.com", user, password, AuthenticationTypes.None);
// ruleid: csharp-ldap-insecure-bind
var anon = new DirectoryEntry("LDAP://dc.corp.example.com", null, null, AuthenticationTypes.Anonymous);
// ok: csharp-ldap-insecure-bind
var searcher = new DirectorySearcher(entry) { Filter = "(objectClass=user)" };
