#!/usr/bin/env bash
# Fills a freshly started Loa of commit 50c5950 (admin password admin-test-password) through its API with what
# UpgradeIT expects to survive an upgrade. Usage: fill-50c5950.sh http://127.0.0.1:PORT
set -euo pipefail
base="$1"
call() { # METHOD PATH [JSON]: prints the reply, fails on a status of 400 or more
  curl -sS --fail-with-body -X "$1" "$base$2" -H "Authorization: Bearer ${token:-}" \
    -H 'Content-Type: application/json' ${3:+--data "$3"}
  echo
}
token=$(call POST /api/v1/auth/login '{"username":"admin","password":"admin-test-password"}' \
  | sed -E 's/.*"token":"([^"]+)".*/\1/')
call POST /api/v1/zones '{"id":"thon-cu","name":"Thôn Cũ"}'
call POST /api/v1/users \
  '{"username":"canbo-cu","displayName":"Cán bộ cũ","role":"clerk","unit":"thon-cu","password":"Mat-khau-cu-2026!"}'
call POST /api/v1/nodes '{"id":"loa-cu","name":"Loa chợ cũ","zone":"thon-cu","kind":"agent","lat":10.77,"lon":106.70}'
call POST /api/v1/announcements '{"title":"Thông báo từ bản cũ","text":"Bản nháp còn lại từ bản Loa cũ.","zones":["thon-cu"]}'
call POST /api/v1/announcements '{"title":"Bản tin sáng hằng ngày","text":"Chào buổi sáng, đây là bản tin của xã.",
  "zones":["thon-cu"],"schedule":{"cron":"0 30 6 * * ?","at":"2030-01-01T06:30:00+07:00"}}'
call POST /api/v1/announcements/2/submit
call POST /api/v1/announcements/2/approve
call POST /api/v1/announcements/2/broadcast
call PUT /api/v1/plugins/portal-news \
  '{"enabled":false,"settings":{"feeds":["https://xa-cu.example.gov.vn/rss"],"zones":["thon-cu"],"intervalSeconds":900}}'
