<?php
// ruleid: php-cors-wildcard-credentials
header('Access-Control-Allow-Origin: *');
header('Access-Control-Allow-Credentials: true');
// ok: php-cors-wildcard-credentials
header('Access-Control-Allow-Methods: GET, POST');
