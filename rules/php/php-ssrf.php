<?php
// ruleid: php-ssrf
$html = file_get_contents($_GET['url']);
// ruleid: php-ssrf
curl_setopt($ch, CURLOPT_URL, $_POST['webhook']);
// ok: php-ssrf
$html = file_get_contents(API_BASE . '/status');
