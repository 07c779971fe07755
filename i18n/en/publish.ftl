# publish

## How a failure is printed.
publish-error = error: { $message }
publish-help = { "  " }help: { $help }

## The closing line.
publish-summary = sent { $sent ->
        [one] 1 file
       *[other] { $sent } files
    }, deleted { $deleted ->
        [one] 1 file
       *[other] { $deleted } files
    }, { $mb } MB in { $seconds } s
publish-summary-dry-run = would send { $sent ->
        [one] 1 file
       *[other] { $sent } files
    }, delete { $deleted ->
        [one] 1 file
       *[other] { $deleted } files
    }, { $mb } MB (--dry-run: nothing was sent)
publish-progress = { $n }/{ $total } files { $path }

## What was being done when a file failed: "{ $doing } { $path }".
publish-doing-reading = reading
publish-doing-sending = sending
publish-doing-making-folder = making the folder
publish-doing-deleting = deleting
publish-doing-saving = saving
publish-again = the site online is still whole; run `prongsai publish` again and it continues where it stopped
publish-no-permission = no permission to write in the destination folder ({ $doing } { $path } at { $dest }): { $error }
    .help = ask the host (or IT) to let this user write in the folder, or correct the folder in publish.url; { $again }
publish-disk-full = the host's disk or quota is full ({ $doing } { $path } at { $dest }): { $error }
    .help = free space on the host or ask the provider for a bigger quota; { $again }
publish-connection-lost = the connection to { $dest } was lost ({ $doing } { $path }): { $error }
    .help = check the network; { $again }
publish-io-failed = could not finish { $doing } { $path } at { $dest }: { $error }

## The built site and the manifest.
publish-cannot-read-built = cannot read the built site in { $folder }: { $error }
    .help = run `prongsai build` and try again
publish-cannot-read-file = cannot read { $path } of the built site: { $error }
    .help = run `prongsai publish` again (it builds first)
publish-manifest-damaged = the manifest { $name } at { $dest } is damaged: { $error }
    .help = delete { $name } at the destination and publish again: every file is then sent once more, and files of deleted measures stay until you remove them by hand
publish-manifest-bad-line = line { $line } is not `hash size path`
publish-manifest-bad-size = line { $line }: size `{ $size }` is not a number

## Reaching the host and logging in.
publish-host-not-found = host not found: { $host }
    .help = check the host name in publish.url in site.yaml, and that this computer is online
publish-cannot-connect = cannot connect to { $host }:{ $port }: { $error }
    .help = check the port in publish.url (SFTP 22, FTP 21), that the host is up, and that no firewall blocks it
publish-no-password = no password for { $user }@{ $host }
    .help = set the PRONGSAI_PASSWORD environment variable, or run `prongsai publish` in a terminal to type it
publish-password-prompt = password for { $user }@{ $host }:
publish-wrong-password = wrong user name or password for { $user }@{ $host }
    .help = check the user in publish.url and the password (PRONGSAI_PASSWORD, or what you typed), as given by the host's provider
publish-destination-missing = the destination folder { $folder } does not exist or cannot be reached
    .help = check publish.url in site.yaml, and that the network drive is connected; make the folder first if it is new

## SFTP and its host keys.
publish-ssh-failed = cannot start SFTP with { $host }:{ $port }: { $error }
    .help = check the host and port in publish.url (SFTP is usually port 22) and that the host offers SFTP; then run `prongsai publish` again
publish-no-host-key = the host sent no key
    .help = ask the host's administrator; prongsai does not publish to an unidentified host
publish-host-new = the host { $name } is new to this computer; its key fingerprint is { $seen }
publish-host-changed = the host key of { $name } has CHANGED (it may be an impostor): it was { $old }, now it is { $seen }
publish-host-not-trusted = { $what }; not published
    .help = ask the host's administrator (or the provider's control panel) for the key's SHA256 fingerprint; only if it is { $seen }, run `prongsai publish --accept-host-key { $seen }` (remembered in { $file })
publish-trust-question = trust this key and remember it? [y/N]
publish-cannot-remember = cannot remember the host key in { $file }: { $error }
    .help = check that the folder can be written

## FTP and FTPS.
publish-folder-missing = the folder { $folder } does not exist on { $host }
    .help = check the folder in publish.url (as FileZilla shows it after logging in), or make it on the host first
publish-certificate-unreadable = cannot read the certificate { $file }: { $error }
    .help = publish.certificate must name a PEM file in the site folder (the host's certificate, from its provider)
publish-tls-failed = cannot set up TLS: { $error }
    .help = report this; publish by sftp:// meanwhile
publish-certificate-rejected = the FTPS certificate of { $host } does not match the host or is not trusted: { $error }
    .help = write the host name in publish.url exactly as the certificate names it; if the host uses a self-signed certificate, get its file from the provider and set `certificate: FILE` under publish in site.yaml. Do not switch to ftp:// to get around this: the password would cross the network readable
publish-ftp-failed = cannot start FTP with { $host }:{ $port }: { $error }
    .help = check the host and port in publish.url (FTP is usually port 21) and run `prongsai publish` again
