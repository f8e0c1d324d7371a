#!/usr/bin/env bash
# One epoch of training side by side with PyTorch on the same CPU, one compute thread each: InitLab's
# `train --model cnn --init kaiming-normal --optimizer adam --lr 1e-3 --batch 64 --epochs 1 --seed 0`
# (telemetry every step, as the Training tab records it, its statistics taken on the statistics thread
# beside the pass; add --no-stats-thread to take them on the training thread) against the same net in PyTorch, plain and
# with forward hooks taking mean, std, near-zero fraction and a 40-bin histogram of every module each
# step (TELEMETRY=1). The three commands alternate RUNS times (the machine is noisy; ratios of runs made
# one after the other hold where absolute times drift). Each side's figure is its own "seconds": the
# 937 steps and the test-set evaluation, without start-up and data loading.
# Needs target/initlab.jar (mvn package -DskipTests) and Debian's python3-torch.
# Usage: bench/compare-training.sh [RUNS] [EXTRA TRAIN OPTIONS...]   e.g. bench/compare-training.sh 5 --every 10
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
shift || true
torch_script=${TORCH_TRAIN:-../shared/bench/torch_train_cnn.py}
seconds() { sed -E 's/.*"seconds": ?([0-9.]+).*/\1/'; }
plain=() hooked=()
for ((i = 1; i <= runs; i++)); do
  ours=$(./initlab train --model cnn --init kaiming-normal --optimizer adam --lr 1e-3 --batch 64 --epochs 1 --seed 0 \
    --threads 1 --progress never --format json "$@" | seconds)
  torch=$(OMP_NUM_THREADS=1 /usr/bin/python3 "$torch_script" data/mnist 1 | seconds)
  torch_tel=$(TELEMETRY=1 OMP_NUM_THREADS=1 /usr/bin/python3 "$torch_script" data/mnist 1 | seconds)
  r=$(awk -v a="$ours" -v b="$torch" 'BEGIN { printf "%.2f", a / b }')
  rt=$(awk -v a="$ours" -v b="$torch_tel" 'BEGIN { printf "%.2f", a / b }')
  plain+=("$r") hooked+=("$rt")
  printf 'run %d: InitLab %6.1f s   PyTorch plain %6.1f s (ratio %s)   PyTorch with hooks %6.1f s (ratio %s)\n' "$i" "$ours" "$torch" "$r" "$torch_tel" "$rt"
done
median() { printf '%s\n' "$@" | sort -g | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
echo "median ratio InitLab/PyTorch plain = $(median "${plain[@]}") (range $(printf '%s\n' "${plain[@]}" | sort -g | head -1)-$(printf '%s\n' "${plain[@]}" | sort -g | tail -1)), InitLab/PyTorch with hooks = $(median "${hooked[@]}") (below 1: InitLab faster)"
