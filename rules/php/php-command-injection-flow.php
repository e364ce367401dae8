<?php
function thumb()
{
    $name = $_GET['name'];
    $cmd = "convert " . $name . " -resize 64x64 out.png";
    // ruleid: php-command-injection-flow
    exec($cmd, $out);
    // ruleid: php-command-injection-flow
    $list = shell_exec("ls " . $_POST['dir']);
    // ok: php-command-injection-flow
    exec("convert " . escapeshellarg($name) . " out.png");
    $n = intval($_GET['n']);
    // ok: php-command-injection-flow
    system("seq " . $n);
    // ok: php-command-injection-flow
    system("uptime");
    return $list;
}

class ExportController
{
    public function store(Request $request)
    {
        $dir = $request->input('dir');
        // ruleid: php-command-injection-flow
        passthru("tar czf /tmp/out.tgz " . $dir);
    }
}
