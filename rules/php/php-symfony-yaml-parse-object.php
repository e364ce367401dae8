<?php
use Symfony\Component\Yaml\Yaml;

// ruleid: php-symfony-yaml-parse-object
$cfg = Yaml::parse($upload, Yaml::PARSE_OBJECT);
// ok: php-symfony-yaml-parse-object
$map = Yaml::parse($upload, Yaml::PARSE_OBJECT_FOR_MAP);
// ok: php-symfony-yaml-parse-object
$plain = Yaml::parse($upload);
