# oit
# `oit`: criteria, evidence, scores, what `check` says about the checklist.

## Item codes

oit-not-a-code = `{ $code }` is not an OIT item code
    .help = write codes like O1, O42, O43
oit-not-an-item = `{ $code }` is not an OIT item of ITA { $year }
oit-item-range = ITA { $year } has items { $first } to { $last }

## Criteria files (criteria/ita-YYYY.yaml)

oit-criteria-empty = the criteria list no OIT item
    .help = list indicators 9 and 10 with their sub-indicators and items (`prongsai criteria YEAR` writes a full list to start from)
oit-indicator-twice = indicator { $number } is listed twice
    .help = each indicator appears once: put all its sub-indicators under one `number:`
oit-indicator-not-oit = indicator { $number } is not an OIT indicator
    .help = OIT has indicators 9 (การเปิดเผยข้อมูล) and 10 (การป้องกันการทุจริต)
oit-sub-twice = sub-indicator { $code } is listed twice
    .help = each sub-indicator code appears once in a year's criteria
oit-sub-elsewhere = sub-indicator `{ $code }` is not a sub-indicator of indicator { $number }
    .help = write its code as { $number }.1, { $number }.2, ...
oit-sub-empty = sub-indicator { $code } has no items
    .help = list its items under `items:` or delete the sub-indicator
oit-criteria-too-many = more than { $count } problems; the rest are not listed
    .help = fix these first, then run prongsai check again
oit-item-twice = item { $code } is listed twice
    .help = each item code appears once in a year's criteria
oit-criteria-year = the file is named for { $year } but says `year: { $written }`
    .help = write `year: { $year }`, or rename the file
oit-criteria-exists = { $path } already exists; edit it, or delete it first to start again from prongsai's list

## Evidence: pages' and measures' `oit:`, content/disclosures.yaml

oit-not-done = a measure not yet done is not evidence
    .help = set status when it is done (`status: done`): the items then count it
oit-disclosures-not-a-mapping = disclosures.yaml is not a list of `O1:` item codes
    .help = write one item code per line followed by its documents, e.g.
        O1:
          - url: https://www.example.go.th/structure
            title: โครงสร้าง
            date: 2023-01-10
oit-no-document = { $code } lists no document
    .help = put `- url: ...` lines under it, or delete the line
oit-entry-unknown-key = unknown key `{ $key }` in the evidence of { $code }
    .keys = an entry takes: { $keys }
oit-entry-missing-key = the evidence of { $code } has no `{ $key }`
oit-entry-unreadable = the evidence of { $code } cannot be read: { $error }
    .help = write each document as `- url: ...` with optional `title:`, `date:`, `fiscal_year:` and `path:` lines
oit-entry-date = { $code }: date `{ $date }`: { $error }
oit-entry-year = { $code }: fiscal_year { $year } is not a Buddhist Era year
    .help = write the fiscal year the document covers, e.g. `fiscal_year: 2565`
oit-empty-url = { $code }: the evidence has an empty url
    .help = write the document's address after `url:`
oit-malformed-url = { $code }: malformed address `{ $url }`: { $why }
    .help = write the full address as the browser shows it, starting with https://
oit-no-https = it has no https://
    .help = write https://{ $address }
oit-leaves-site = { $code }: `{ $url }` leaves the site
    .help = write a path from the site's root, e.g. files/report.pdf or about/
oit-evidence-refused = { $code }: evidence `{ $url }` { $why }
oit-points-nowhere = { $code }: evidence `{ $url }` points to nothing the build makes
    .inside = a path inside the site names a page (about/) or a file under content/ (files/report.pdf)
    .help = a path inside the site names a page (about/) or a file under content/ (files/report.pdf); an outside address starts with https://
oit-url-not-web = ITAS takes web addresses (https://...)
oit-url-scheme = `{ $scheme }:` is not a web address; ITAS takes http:// or https://
oit-url-space = it contains a space (copy the address from the browser's address bar)
oit-url-host = `{ $host }` is not a host name
oit-url-host-chars = the host `{ $host }` holds characters a host name cannot

## What `check` says about the checklist (also the notes box of the preview)

oit-no-evidence = { $code } { $title }: no evidence (no page claims it and { $file } does not list it)
    .help = list the document under `{ $code }:` in { $file }, or add `oit: [{ $code }]` to the page that discloses it
oit-stale = { $code }: evidence `{ $title }` is of fiscal year { $year }, the item asks for { $required }
oit-stale-needs-attention = { $code }: evidence `{ $title }` is of fiscal year { $year }, the item asks for { $required } (the item needs attention and scores 0)
oit-stale-help = link the document of fiscal year { $required } (or set `fiscal_year:` on the entry if the date is not the year it covers)
oit-edit-own-list = to correct it, run `prongsai criteria { $year }` and edit { $file }
oit-edit-file = edit { $file }
oit-check-manual = check against NACC's ITA { $year } manual
# How to settle a caveat: check the manual, then correct the list.
oit-check-and-fix = { $check }; { $fix }
oit-partial = ITA { $year }: the item list is partial; the score counts only the items it has
oit-criteria-note = ITA { $year }: { $note }
oit-inferred-groups = ITA { $year }: the grouping of items into sub-indicators { $subs } is inferred; sub-indicator means are approximate
oit-unconfirmed-items = ITA { $year }: { $count } items' titles or requirements are not confirmed by the sources: { $codes }
oit-stand-in = prongsai has no OIT item list for { $year }; the checklist uses the ITA { $from } list
    .help = when NACC publishes the { $year } manual, run `prongsai criteria { $command_year }` to write { $file } from the { $from } list and edit it to match
# Why an item of the preview's to-do list is not disclosed.
oit-todo-missing = no evidence yet: no page names this item in `oit` and { $file } does not list it
oit-todo-stale = every piece of evidence is dated outside fiscal year { $year }, which this item asks for: add a document of { $year }
