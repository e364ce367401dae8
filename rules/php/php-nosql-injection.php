<?php
function login($client)
{
    $users = $client->app->users;
    $collection = $client->selectCollection('app', 'users');
    $filter = ['name' => $_POST['name'], 'password' => $_POST['password']];
    // ruleid: php-nosql-injection
    $user = $collection->findOne($filter);
    // ruleid: php-nosql-injection
    $cursor = $collection->find(['$where' => "this.owner == '" . $_GET['owner'] . "'"]);
    $name = (string) $_POST['name'];
    // ok: php-nosql-injection
    $one = $collection->findOne(['name' => $name]);
    // ok: php-nosql-injection
    $all = $collection->find(['active' => true]);
    return [$user, $cursor, $one, $all];
}
