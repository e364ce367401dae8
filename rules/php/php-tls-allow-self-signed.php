<?php
// ruleid: php-tls-allow-self-signed
$ctx = stream_context_create(['ssl' => ['allow_self_signed' => true]]);
// ok: php-tls-allow-self-signed
$ctx2 = stream_context_create(['ssl' => ['allow_self_signed' => false, 'cafile' => '/etc/ssl/private-ca.pem']]);
