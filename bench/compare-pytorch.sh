#!/usr/bin/env bash
# Side by side with PyTorch on the same CPU: InitLab's lab step (forward + loss + backward + all module
# statistics) against PyTorch's plain forward + backward of the same seed4 net, and against PyTorch
# doing the same work as InitLab (with mean/std of every module output and gradient), alternating the
# commands RUNS times (the machine is noisy; ratios of paired runs hold where absolute times drift).
# InitLab runs through ./initlab, with the JVM settings users get (its serial collector and small young
# generation; plain `java -jar` starts G1, whose steps were 10-25 % slower in paired runs).
# Needs target/initlab.jar (mvn package -DskipTests) and Debian's python3-torch.
# Usage: bench/compare-pytorch.sh [BATCH] [THREADS] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
batch=${1:-100} threads=${2:-1} runs=${3:-5}
# Java compiles its hot paths after some thousand calls: time the steady state, as a user dragging a slider gets it
warmup=${WARMUP:-1000}
torch_script=${TORCH_SEED4:-../shared/bench/torch_seed4.py}
ratios=() like=()
for ((i = 1; i <= runs; i++)); do
  ours=$(OMP_NUM_THREADS=$threads ./initlab bench --model seed4 --batch "$batch" --iters 300 --warmup "$warmup" --threads "$threads" \
    | sed -E 's/.*"median":([0-9.]+).*/\1/')
  torch=$(/usr/bin/python3 "$torch_script" "$batch" "$threads" 300)
  torch_stats=$(/usr/bin/python3 "$torch_script" "$batch" "$threads" 300 stats)
  ratio=$(awk -v a="$ours" -v b="$torch" 'BEGIN { printf "%.2f", a / b }')
  ratio_stats=$(awk -v a="$ours" -v b="$torch_stats" 'BEGIN { printf "%.2f", a / b }')
  ratios+=("$ratio") like+=("$ratio_stats")
  printf 'run %d: InitLab %7.3f ms   PyTorch plain %7.3f ms (ratio %s)   PyTorch with stats %7.3f ms (ratio %s)\n' \
    "$i" "$ours" "$torch" "$ratio" "$torch_stats" "$ratio_stats"
done
median() { printf '%s\n' "$@" | sort -g | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
echo "batch $batch, $threads thread(s): median ratio InitLab/PyTorch plain = $(median "${ratios[@]}"), InitLab/PyTorch with stats = $(median "${like[@]}") (below 1: InitLab faster)"
