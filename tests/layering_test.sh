#!/usr/bin/env bash
# The layering rule of design.md, checked on every include: intents/ uses
# only itself; dialogs/ uses intents/; bot/ uses intents/ and dialogs/;
# adapters/ (the top, with the faqbot program in adapters/cli/) may use
# all, except that its transport (the WebSocket connection and the URL
# helpers) includes no channel, bot or engine code. An upward include
# fails the test and names the file and line.
set -uo pipefail
cd "$(dirname "$0")/.."
status=0
check() {  # folder, allowed folders...
  local folder=$1
  shift
  local allowed="$*"
  while IFS= read -r hit; do
    local included=${hit#*#include \"}
    included=${included%%/*}
    case " $allowed " in
      *" $included "*) ;;
      *)
        echo "layering: $hit  ($folder/ may include only: $allowed)"
        status=1
        ;;
    esac
  done < <(grep -rn '#include "' "$folder" --include='*.h' --include='*.cc')
}
check intents intents
check dialogs intents dialogs
check bot intents dialogs bot
transport=$(grep -n '#include "' adapters/ws_connection.* adapters/ws_upgrade_impl.h \
  adapters/url.* | grep -v -E '"adapters/(ws_connection|ws_upgrade_impl|url|log)\.h"')
if [[ -n "$transport" ]]; then
  echo "layering: the transport includes more than itself and log.h:"
  echo "$transport"
  status=1
fi
((status == 0)) && echo "layering: no upward includes in intents/, dialogs/, bot/; the transport stands alone"
exit $status
