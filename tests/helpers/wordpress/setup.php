<?php
// Installs WordPress into the empty database and prints a new Application Password for the
// admin user (the REST API accepts no login password). Run by wordpress-server.ts with php-cli.
define('ABSPATH', getenv('INTERTITLE_WP_ROOT') . '/');   // this run's root and wp-config.php (router.php)
$_SERVER['HTTP_HOST'] = getenv('INTERTITLE_WP_HOSTPORT');
$_SERVER['REQUEST_URI'] = '/';
define('WP_INSTALLING', true);          // as wp-admin/install.php: no redirect to the installer
function wp_new_blog_notification() {}  // pluggable: no "new site" e-mail (there is no MTA)
require ABSPATH . 'wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
$user = getenv('INTERTITLE_WP_USER');
if (!is_blog_installed()) {
    $installed = wp_install('Intertitle Test Site', $user, 'admin@example.com', false, '', wp_slash(getenv('INTERTITLE_WP_LOGIN_PASSWORD')));
    if (is_wp_error($installed)) { fwrite(STDERR, $installed->get_error_message() . "\n"); exit(1); }
}
global $wp_rewrite;                     // pretty permalinks, so /wp-json/ is the API root
$wp_rewrite->set_permalink_structure('/%postname%/');
$wp_rewrite->flush_rules(false);
$u = get_user_by('login', $user);
$made = WP_Application_Passwords::create_new_application_password($u->ID, array('name' => 'intertitle-tests-' . time()));
if (is_wp_error($made)) { fwrite(STDERR, $made->get_error_message() . "\n"); exit(1); }
echo $made[0], "\n";
