<?php
function hello()
{
    $name = $_GET['name'];
    $html = "<h1>Hello " . $name . "</h1>";
    // ruleid: php-xss-flow
    echo $html;
    // ok: php-xss-flow
    echo "<h1>Hello " . htmlspecialchars($name, ENT_QUOTES, 'UTF-8') . "</h1>";
    // ok: php-xss-flow
    echo "<h1>Hello</h1>";
    $n = intval($_GET['n']);
    // ok: php-xss-flow
    echo "<p>" . $n . "</p>";
}

class GreetController
{
    public function show(Request $request)
    {
        // ruleid: php-xss-flow
        return response("<h1>" . $request->input('name') . "</h1>");
    }
}
