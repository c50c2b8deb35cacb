# Slipway's CodeBuild runner library, sourced by the build script Slipway writes for each build
# (runner.ts). It runs in ONE shell for the whole build, so `cd`, exported and plain variables
# carry over from command to command and from phase to phase, as in CodeBuild's buildspec 0.2.
# POSIX sh: it runs under bash when the image has it, else /bin/sh (dash, busybox ash).
#
# To Slipway it reports on stdout with marker lines `##slipway## <nonce> <WORD> ...`, which it
# strips from the build's log:
#   BEGIN <PHASE>                       a phase starts
#   END <PHASE> SUCCEEDED               a phase ends well
#   END <PHASE> FAILED <c|f><i> <rc>    command i of commands (c) or finally (f) exited with rc
#   DONE <upload 1|0>                   the phases are over; whether UPLOAD_ARTIFACTS runs
# Everything else is the build's log, with CodeBuild's own "[Container] <time> ..." lines.

set +e
case "$(date -u +%6N 2>/dev/null)" in
  [0-9][0-9][0-9][0-9][0-9][0-9]) __sw_date() { date -u '+%Y/%m/%d %H:%M:%S.%6N'; } ;;
  *) __sw_date() { date -u '+%Y/%m/%d %H:%M:%S'; } ;;
esac
__sw_log() { printf '[Container] %s %s\n' "$(__sw_date)" "$*"; }
__sw_mark() { printf '##slipway## %s %s\n' "$SLIPWAY_NONCE" "$*"; }

CODEBUILD_BUILD_SUCCEEDING=1
export CODEBUILD_BUILD_SUCCEEDING
__sw_stop=0      # 1: skip to FINALIZING
__sw_upload=1    # 0: UPLOAD_ARTIFACTS is skipped too
__sw_failed=''   # '' or "<c|f><index> <rc>" of the phase's first failure
__sw_skip=0      # 1: the rest of this list of commands is skipped
__sw_index=0
__sw_list=c
__sw_separate=0

# The source directories belong to the user Slipway runs as; git in the build (root) would call a
# cloned source "dubious ownership" and refuse it, where CodeBuild's own source directory is root's.
if [ -n "$SLIPWAY_OWNER" ] && [ "$SLIPWAY_OWNER" != 0:0 ] && command -v git >/dev/null 2>&1; then
  git config --global --add safe.directory '*' 2>/dev/null
fi

# __sw_begin PHASE: returns 1 (and the phase does not run) once the build skips to FINALIZING.
__sw_begin() {
  [ "$__sw_stop" = 1 ] && return 1
  __sw_log "Entering phase $1"
  __sw_mark BEGIN "$1"
  __sw_failed=''
  __sw_skip=0
  __sw_index=0
  __sw_list=c
  return 0
}

# __sw_run 'command text': runs it in this shell with no stdin.
__sw_run() {
  __sw_i=$__sw_index
  __sw_index=$((__sw_index + 1))
  [ "$__sw_skip" = 1 ] && return 0
  __sw_log "Running command $1"
  if [ "$__sw_separate" = 1 ]; then
    (eval "$1") </dev/null   # buildspec 0.1: each command in a fresh shell
  else
    eval "$1" </dev/null
  fi
  __sw_rc=$?
  if [ "$__sw_rc" != 0 ]; then
    __sw_log "Command did not exit successfully $1 exit status $__sw_rc"
    [ -z "$__sw_failed" ] && __sw_failed="$__sw_list$__sw_i $__sw_rc"
    __sw_skip=1
  fi
  return 0
}

# The finally block runs whether or not the commands failed.
__sw_finally() {
  __sw_skip=0
  __sw_index=0
  __sw_list=f
}

# __sw_end PHASE POLICY, POLICY being DEFAULT, ABORT or CONTINUE (the phase's on-failure).
__sw_end() {
  if [ -z "$__sw_failed" ]; then
    __sw_log "Phase complete: $1 State: SUCCEEDED"
    __sw_mark END "$1" SUCCEEDED
    return 0
  fi
  __sw_log "Phase complete: $1 State: FAILED"
  __sw_mark END "$1" FAILED $__sw_failed
  CODEBUILD_BUILD_SUCCEEDING=0
  export CODEBUILD_BUILD_SUCCEEDING
  case "$2" in
    CONTINUE) ;;
    ABORT) __sw_stop=1; __sw_upload=0 ;;
    *)
      # CodeBuild: INSTALL and PRE_BUILD failures skip to FINALIZING; after a failed BUILD,
      # POST_BUILD still runs; after a failed POST_BUILD, artifacts are still uploaded.
      case "$1" in INSTALL|PRE_BUILD) __sw_stop=1; __sw_upload=0 ;; esac ;;
  esac
  return 0
}

# The values of env.exported-variables, captured at the end of POST_BUILD: one file per set variable.
# A redirection that fails on a special built-in (eval) ends a POSIX shell, so each write runs in a
# subshell: a build that broke the state directory loses only what it broke, not the rest of the run.
__sw_export() {
  mkdir -p /codebuild/state/exported 2>/dev/null
  for __sw_name in "$@"; do
    if eval "[ -n \"\${$__sw_name+x}\" ]"; then
      (eval "printf '%s' \"\$$__sw_name\"" > "/codebuild/state/exported/$__sw_name") 2>/dev/null
    fi
  done
}

# Cache paths: the directory before the first wildcard, relative to the source directory unless absolute.
__sw_cache_dir() {
  __sw_p=$(printf '%s' "$1" | sed -e 's#/\*\*.*$##' -e 's#/[^/]*\*.*$##' -e 's#^\*\*.*$#.#')
  case "$__sw_p" in /*) ;; *) __sw_p="$CODEBUILD_SRC_DIR/$__sw_p" ;; esac
  printf '%s' "$__sw_p"
}
__sw_cache_key() { printf '%s' "$1" | tr -c 'A-Za-z0-9._-' '_'; }

__sw_cache_restore() {
  for __sw_c in "$@"; do
    __sw_d=$(__sw_cache_dir "$__sw_c")
    __sw_k=/codebuild/cache/$(__sw_cache_key "$__sw_c")
    if [ -d "$__sw_k" ]; then
      __sw_log "Restoring cache $__sw_c into $__sw_d"
      mkdir -p "$__sw_d" && cp -a "$__sw_k/." "$__sw_d/"
    else
      __sw_log "No cache yet for $__sw_c"
    fi
  done
}

__sw_cache_save() {
  for __sw_c in "$@"; do
    __sw_d=$(__sw_cache_dir "$__sw_c")
    __sw_k=/codebuild/cache/$(__sw_cache_key "$__sw_c")
    [ -d "$__sw_d" ] || continue
    __sw_log "Saving cache $__sw_c from $__sw_d"
    rm -rf "$__sw_k.new" && mkdir -p "$__sw_k.new" && cp -a "$__sw_d/." "$__sw_k.new/" && rm -rf "$__sw_k" && mv "$__sw_k.new" "$__sw_k"
  done
}

# __sw_name KEY 'name text': an artifact name as the shell expands it (e.g. build-$(date +%s)).
__sw_name() {
  (mkdir -p /codebuild/state/names && eval "printf '%s' \"$2\"" > "/codebuild/state/names/$1") 2>/dev/null
}

# DONE is the last line: Slipway reads the build's files as soon as it sees it.
__sw_done() {
  # Files the build wrote in the bind-mounted directories go back to the user Slipway runs as.
  if [ -n "$SLIPWAY_OWNER" ] && [ "$SLIPWAY_OWNER" != 0:0 ]; then
    chown -R "$SLIPWAY_OWNER" "$CODEBUILD_SRC_DIR" /codebuild/state /codebuild/cache 2>/dev/null
  fi
  # What the build started in the background ends with it, before Slipway reads its files.
  kill -KILL -1 2>/dev/null
  __sw_mark DONE "$__sw_upload"
  # The container then waits, idle, until Slipway removes it in the first lull after the build's
  # outcome: its exit (network, mounts and cgroup torn down by the engine) would otherwise land
  # beside the containers a deploy starts the moment the build succeeds. No one writes this FIFO
  # (the loop is for a signal cutting the open short); without it, the container ends at once.
  while [ -p /codebuild/slipway/release ]; do read _ < /codebuild/slipway/release; done 2>/dev/null
  exit 0
}
