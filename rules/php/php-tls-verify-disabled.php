<?php
// ruleid: php-tls-verify-disabled
curl_setopt($ch, CURLOPT_SSL_VERIFYPEER, false);
// ruleid: php-tls-verify-disabled
$client = new Client(['verify' => false]);
// ok: php-tls-verify-disabled
curl_setopt($ch, CURLOPT_SSL_VERIFYPEER, true);
// ruleid: php-tls-verify-disabled
// fixed: curl_setopt($ch, CURLOPT_SSL_VERIFYPEER, true);
curl_setopt($ch, CURLOPT_SSL_VERIFYPEER, false);
