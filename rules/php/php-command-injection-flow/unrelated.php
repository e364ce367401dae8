<?php
// A change that adds an unrelated line of the function: the old flow is not reported.
// fixture-added-lines: 6
function export()
{
    error_log("export requested");
    $dir = $_POST['dir'];
    // ok: php-command-injection-flow
    system("tar czf /tmp/out.tgz " . $dir);
}
