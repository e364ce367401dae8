import ftplib
import telnetlib
from ftplib import FTP, FTP_TLS

# ruleid: python-cleartext-protocol
ftp = ftplib.FTP("ftp.example.com")
# ruleid: python-cleartext-protocol
conn = FTP("ftp.example.com")
# ruleid: python-cleartext-protocol
tn = telnetlib.Telnet(host)
# ok: python-cleartext-protocol
secure = FTP_TLS("ftp.example.com")
# ok: python-cleartext-protocol
secure2 = ftplib.FTP_TLS(host)
