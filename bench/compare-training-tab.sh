#!/usr/bin/env bash
# The Training tab's rate against headless `train` on the same run, alternating the two RUNS times (the
# machine is noisy; ratios of runs made one after the other hold where absolute times drift). The run is
# the cnn with kaiming-normal and Adam (lr 1e-3, batch 64, seed 0), STEPS steps (as many epochs of 937
# as that takes), telemetry every step.
# The window trains under Xvfb (`gui --tab training --train-steps`), charting as a user sees it, and
# prints its steps/s at the end; headless, the rate is steps / "seconds" of `train --format json`. Both
# include the test-set evaluation at the end.
# Needs target/initlab.jar (mvn package -DskipTests) and xvfb-run.
# Usage: bench/compare-training-tab.sh [RUNS] [STEPS]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3} steps=${2:-600}
epochs=$(( (steps + 936) / 937 ))
exp=$(mktemp --suffix .json)
trap 'rm -f "$exp" "$exp.png"' EXIT
./initlab train --model cnn --init kaiming-normal --optimizer adam --lr 1e-3 --batch 64 --epochs "$epochs" --seed 0 --limit 1 \
  --progress never --format json --save "$exp" > /dev/null
ratios=()
for ((i = 1; i <= runs; i++)); do
  json=$(./initlab train --experiment "$exp" --limit "$steps" --progress never --format json)
  seconds=$(sed -E 's/.*"seconds": ?([0-9.]+).*/\1/' <<< "$json")
  ran=$(sed -E 's/.*"steps": ?([0-9]+).*/\1/' <<< "$json")
  [ "$ran" = "$steps" ] || { echo "headless training ran $ran steps, not $steps" >&2; exit 1; }
  headless=$(awk -v s="$seconds" -v n="$steps" 'BEGIN { printf "%.1f", n / s }')
  window=$(xvfb-run -a -s "-screen 0 1600x1000x24" ./initlab gui --tab training --experiment "$exp" --train-steps "$steps" \
    --screenshot "$exp.png" 2>&1 | sed -nE "s/.*training finished at step $steps \(([0-9.]+) steps\/s\).*/\1/p")
  [ -n "$window" ] || { echo "the window did not finish $steps steps" >&2; exit 1; }
  r=$(awk -v a="$window" -v b="$headless" 'BEGIN { printf "%.2f", a / b }')
  ratios+=("$r")
  printf 'run %d: headless %s steps/s   Training tab %s steps/s (ratio %s)\n' "$i" "$headless" "$window" "$r"
done
median() { printf '%s\n' "$@" | sort -g | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
echo "median ratio Training tab / headless = $(median "${ratios[@]}") (range $(printf '%s\n' "${ratios[@]}" | sort -g | head -1)-$(printf '%s\n' "${ratios[@]}" | sort -g | tail -1))"
