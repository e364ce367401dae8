<?php
return [
    'paths' => ['api/*'],
    // ruleid: php-cors-wildcard-credentials
    'allowed_origins' => ['*'],
    // ok: php-cors-wildcard-credentials
    'allowed_origins_patterns' => [],
    'supports_credentials' => true,
];
