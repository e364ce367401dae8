// ok: csharp-ldap-insecure-bind
var kerb = new DirectoryEntry("LDAP://dc.corp.example.com", user, password, AuthenticationTypes.Secure | AuthenticationTypes.Sealing);
