<?php
// ok: php-cors-wildcard-credentials
header('Access-Control-Allow-Origin: *');
header('Content-Type: application/json');
echo json_encode(['status' => 'ok']);
